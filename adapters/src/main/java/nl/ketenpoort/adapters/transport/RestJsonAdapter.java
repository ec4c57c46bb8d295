package nl.ketenpoort.adapters.transport;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.ketenpoort.adapters.AdapterKind;
import nl.ketenpoort.adapters.AdapterSettings;
import nl.ketenpoort.adapters.Delivery;
import nl.ketenpoort.adapters.DeliveryOutcome;
import nl.ketenpoort.adapters.DeliveryOutcome.Delivered;
import nl.ketenpoort.adapters.DeliveryOutcome.FailureKind;
import nl.ketenpoort.adapters.DeliveryOutcome.PermanentFailure;
import nl.ketenpoort.adapters.DeliveryOutcome.RetryableFailure;
import nl.ketenpoort.adapters.DocumentNotMappable;
import nl.ketenpoort.adapters.NativeMapping;
import nl.ketenpoort.adapters.PartnerAdapter;
import nl.ketenpoort.schemas.DocumentType;

/**
 * Posts the partner's JSON to its endpoint with Camel's {@code http} component.
 * <p>
 * Headers: {@code Content-Type: application/json}, {@code Idempotency-Key},
 * {@code Ketenpoort-Consent} (the consent statement) and {@code traceparent}. The status
 * decides the outcome: 2xx delivered; 408, 425, 429 and 5xx retryable; other 4xx
 * permanent. Timeouts, refused connections and other I/O errors are retryable.
 */
public final class RestJsonAdapter implements PartnerAdapter {

	/** Header carrying the consent statement (compact JWS). */
	public static final String CONSENT_HEADER = "Ketenpoort-Consent";

	/** Header carrying the idempotency key. */
	public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	private static final Logger logger = LoggerFactory.getLogger(RestJsonAdapter.class);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final NativeMapping mapping;

	private final String partner;

	private final ProducerTemplate template;

	private final AdapterSettings.Http settings;

	/**
	 * Creates the adapter.
	 * @param partner the partner id (several partners may share one format)
	 * @param mapping the partner's format
	 * @param template the Camel producer template to send with
	 * @param settings the timeouts
	 */
	public RestJsonAdapter(String partner, NativeMapping mapping, ProducerTemplate template,
			AdapterSettings.Http settings) {
		this.partner = partner;
		this.mapping = mapping;
		this.template = template;
		this.settings = settings;
	}

	@Override
	public String partner() {
		return this.partner;
	}

	@Override
	public AdapterKind kind() {
		return AdapterKind.REST_JSON;
	}

	@Override
	public Set<DocumentType> receives() {
		return this.mapping.receives();
	}

	@Override
	public DeliveryOutcome deliver(Delivery delivery) {
		if (!delivery.targetScheme().equals("http") && !delivery.targetScheme().equals("https")) {
			return refused(FailureKind.INVALID_TARGET, "the target is not an http(s) URI");
		}
		if (!this.mapping.receives().contains(delivery.documentType())) {
			return refused(FailureKind.NOT_MAPPABLE, "the partner does not receive " + delivery.documentType());
		}
		byte[] body;
		try {
			body = MAPPER.writeValueAsBytes(this.mapping.toNative(delivery.documentType(), delivery.document()));
		}
		catch (DocumentNotMappable ex) {
			return refused(FailureKind.NOT_MAPPABLE, ex.getMessage());
		}
		Exchange result = this.template.request(endpointUri(delivery), (exchange) -> {
			Message message = exchange.getMessage();
			message.setBody(body);
			message.setHeader(Exchange.HTTP_METHOD, "POST");
			message.setHeader(Exchange.CONTENT_TYPE, "application/json");
			message.setHeader(IDEMPOTENCY_KEY_HEADER, delivery.idempotencyKey());
			message.setHeader(CONSENT_HEADER, delivery.consentStatement());
			if (delivery.traceparent() != null) {
				message.setHeader("traceparent", delivery.traceparent());
			}
		});
		DeliveryOutcome outcome = (result.getException() != null) ? failed(result.getException())
				: answered(result.getMessage());
		logger.debug("Delivery of a {} to {} ended as {}", delivery.documentType(), this.partner, outcome);
		return outcome;
	}

	private String endpointUri(Delivery delivery) {
		String target = delivery.target().toString();
		// Camel reads its own options from the endpoint URI; the partner's own query
		// parameters (if any) pass through to the request untouched.
		return target + ((delivery.target().getRawQuery() != null) ? "&" : "?")
				+ "throwExceptionOnFailure=false&followRedirects=false&copyHeaders=false&httpMethod=POST&connectTimeout="
				+ this.settings.connectTimeout().toMillis() + "&connectionRequestTimeout="
				+ this.settings.connectTimeout().toMillis() + "&responseTimeout="
				+ this.settings.responseTimeout().toMillis();
	}

	private DeliveryOutcome answered(Message response) {
		Integer status = response.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
		if (status == null) {
			return new RetryableFailure(FailureKind.IO_ERROR, null, null);
		}
		if (status >= 200 && status < 300) {
			return new Delivered(status, receiptId(response), partnerTrace(response));
		}
		if (status == 408 || status == 425 || status == 429) {
			return new RetryableFailure(FailureKind.THROTTLED, status, retryAfter(response));
		}
		if (status >= 500) {
			return new RetryableFailure(FailureKind.SERVER_ERROR, status, retryAfter(response));
		}
		if (status >= 400) {
			return new PermanentFailure(FailureKind.CLIENT_ERROR, status);
		}
		return new PermanentFailure(FailureKind.UNEXPECTED_STATUS, status);
	}

	private static DeliveryOutcome failed(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException
					|| cause instanceof org.apache.hc.client5.http.ConnectTimeoutException
					|| cause instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException) {
				return new RetryableFailure(FailureKind.TIMEOUT, null, null);
			}
			if (cause instanceof ConnectException) {
				return new RetryableFailure(FailureKind.CONNECTION_REFUSED, null, null);
			}
			if (cause instanceof java.io.IOException) {
				return new RetryableFailure(FailureKind.IO_ERROR, null, null);
			}
		}
		logger.debug("Delivery failed before reaching the partner: {}", failure.getClass().getName());
		return new PermanentFailure(FailureKind.INVALID_TARGET, null);
	}

	private @Nullable String receiptId(Message response) {
		String property = this.mapping.receiptProperty();
		byte[] body = response.getBody(byte[].class);
		if (property.isEmpty() || body == null || body.length == 0) {
			return null;
		}
		try {
			JsonNode reply = MAPPER.readTree(body);
			JsonNode receipt = reply.get(property);
			return (receipt != null && receipt.isValueNode() && !receipt.isNull()) ? receipt.asString() : null;
		}
		catch (JacksonException ex) {
			// A partner that took the document but answers something other than JSON has
			// still received it; only the receipt id is lost.
			logger.debug("The reply of {} is not JSON, so it carries no receipt id", this.partner);
			return null;
		}
	}

	private static @Nullable String partnerTrace(Message response) {
		String trace = response.getHeader("traceresponse", String.class);
		return (trace != null) ? trace : response.getHeader("traceparent", String.class);
	}

	private static @Nullable Duration retryAfter(Message response) {
		String value = response.getHeader("Retry-After", String.class);
		if (value == null || !value.trim().matches("[0-9]{1,6}")) {
			return null;
		}
		return Duration.ofSeconds(Long.parseLong(value.trim()));
	}

	private DeliveryOutcome refused(FailureKind kind, String reason) {
		logger.debug("Delivery to {} refused before sending: {}", this.partner, reason);
		return new PermanentFailure(kind, null);
	}

	@Override
	public String toString() {
		return "RestJsonAdapter[" + this.partner + "]";
	}

}
