package nl.ketenpoort.gateway.exchange.internal;

import java.util.Map;
import java.util.Optional;

import nl.ketenpoort.adapters.InboundDocument;
import nl.ketenpoort.adapters.tvs.TvsFileIntakeRoutes;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.gateway.partner.Partners;
import nl.ketenpoort.gateway.system.TraceContext;
import org.apache.camel.builder.RouteBuilder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import nl.ketenpoort.gateway.exchange.Exchange;
import nl.ketenpoort.gateway.exchange.ExchangeTrace;

/**
 * Export files that TVS drops in its directory enter the same accept pipeline as API
 * submissions, as the same {@link ExchangeRequest}: authorised as TVS, validated,
 * consent-checked, minimised and audited. Purpose and recipient follow from the document
 * type (an export names neither); the file's content hash is the idempotency key, so the
 * same export is accepted once. A refused file goes to the error folder, and its refusal
 * is in the audit log.
 */
@Component
@ConditionalOnProperty("ketenpoort.adapters.tvs-intake.directory")
class TvsFileIntake extends RouteBuilder {

	private final ExchangeIntake intake;

	private final Partners partners;

	private final JsonMapper json;

	private final Routing routing;

	TvsFileIntake(ExchangeIntake intake, Partners partners, JsonMapper json, Routing routing) {
		this.intake = intake;
		this.partners = partners;
		this.json = json;
		this.routing = routing;
	}

	/**
	 * Where TVS exports go, per document type code.
	 *
	 * @param routes document type code to purpose and recipient
	 */
	@ConfigurationProperties("ketenpoort.tvs-intake")
	record Routing(Map<String, Target> routes) {

		Routing {
			routes = (routes != null) ? Map.copyOf(routes)
					: Map.of("client-profile", new Target("handover-coa-municipality", "raak"), "nt2-learner-profile",
							new Target("language-course-placement", "opstartklas"));
		}

		/** One destination. */
		record Target(String purpose, String recipient) {
		}

	}

	@Override
	public void configure() {
		from(TvsFileIntakeRoutes.INTAKE_ENDPOINT).routeId("tvs-file-accept").process((exchange) -> {
			InboundDocument inbound = exchange.getMessage().getBody(InboundDocument.class);
			exchange.getMessage().setBody(accept(inbound).id().toString());
		});
	}

	Exchange accept(InboundDocument inbound) {
		Routing.Target target = Optional.ofNullable(this.routing.routes().get(inbound.type().code()))
			.orElseThrow(() -> new IllegalStateException(
					"No purpose and recipient configured for TVS exports of " + inbound.type().code()));
		Partner tvs = this.partners.findActive(inbound.partner()).orElseThrow();
		JsonNode subject = inbound.document().path("subject");
		ExchangeRequest request = new ExchangeRequest(inbound.type().code(), target.purpose(), target.recipient(),
				text(subject, "vNumber"), text(subject, "bsn"), inbound.document());
		ExchangeTrace trace = new ExchangeTrace(TraceContext.randomTraceId(), TraceContext.randomOperationId(), null,
				null);
		Submission submission = Submission.requested(PartnerId.of(tvs.id()), tvs.scopes(),
				"tvs-file-" + inbound.contentSha256(), request, requestSha256(request, subject), trace);
		return this.intake.submit(submission).exchange();
	}

	/**
	 * The hash of the request as the API would have received it, as it always was for
	 * files: an export dropped again compares equal to the one accepted before.
	 */
	private String requestSha256(ExchangeRequest request, JsonNode subject) {
		ObjectNode body = this.json.createObjectNode();
		body.put("documentType", request.documentType());
		body.put("purpose", request.purpose());
		body.put("recipient", request.recipient());
		body.set("subject", subject.isObject() ? subject.deepCopy() : this.json.createObjectNode());
		body.set("document", request.document());
		return PayloadCipher.sha256(this.json.writeValueAsBytes(body));
	}

	private static @Nullable String text(JsonNode subject, String member) {
		JsonNode value = subject.path(member);
		return value.isString() ? value.asString() : null;
	}

}
