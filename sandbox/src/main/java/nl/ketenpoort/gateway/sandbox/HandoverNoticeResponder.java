package nl.ketenpoort.gateway.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.DisposableBean;

/**
 * RAAK's sandbox answers a client profile it accepted with a handover notice back to TVS
 * (seed 3.5: the receiving client manager and their contact details), through the
 * gateway's public API exactly as RAAK's real system would. It answers after accepting,
 * on its own thread, and only once per received exchange; without a consent for
 * {@code handover-notice} from RAAK to TVS the gateway refuses and audits that, and RAAK
 * leaves it there.
 */
class HandoverNoticeResponder implements DisposableBean {

	static final String RAAK = "raak";

	private static final String TEMPLATE = "examples/handover-notice/valid/amira-al-khatib-syria.json";

	private static final Logger log = LoggerFactory.getLogger(HandoverNoticeResponder.class);

	private final SandboxPartnerClient client;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration delay;

	private final ObjectNode template;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "sandbox-raak-handover");
		thread.setDaemon(true);
		return thread;
	});

	HandoverNoticeResponder(SandboxPartnerClient client, JsonMapper json, Clock clock, Duration delay) {
		this.client = client;
		this.json = json;
		this.clock = clock;
		this.delay = delay;
		this.template = loadTemplate(json);
	}

	/**
	 * Schedules the answer to a client profile RAAK accepted.
	 * @param exchangeId the gateway's exchange id of the profile (its idempotency key)
	 * @param vNumber the V-number the profile is about
	 */
	void answer(String exchangeId, String vNumber) {
		if (!this.client.hasKey(RAAK)) {
			log.debug("RAAK's sandbox has no key to sign in with, so it sends no handover notice");
			return;
		}
		this.executor.schedule(() -> send(exchangeId, vNumber), this.delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * The exchange request RAAK submits; public in the package for tests and the demo.
	 */
	ObjectNode request(String exchangeId, String vNumber) {
		ObjectNode notice = this.template.deepCopy();
		notice.putObject("subject").put("vNumber", vNumber);
		ObjectNode about = notice.putObject("document");
		about.put("type", "client-profile");
		about.put("exchangeId", exchangeId);
		notice.put("expectedFirstContact",
				LocalDate.now(this.clock.withZone(ZoneId.of("Europe/Amsterdam"))).plusDays(14).toString());
		ObjectNode request = this.json.createObjectNode();
		request.put("documentType", "handover-notice");
		request.put("purpose", "handover-notice");
		request.put("recipient", "tvs");
		request.putObject("subject").put("vNumber", vNumber);
		request.set("document", notice);
		return request;
	}

	private void send(String exchangeId, String vNumber) {
		try {
			SandboxPartnerClient.Submitted submitted = this.client.submit(RAAK, "handover-" + exchangeId,
					request(exchangeId, vNumber));
			if (submitted.accepted()) {
				log.info("RAAK's sandbox sent a handover notice back to TVS");
			}
			else {
				log.info("The gateway did not accept RAAK's handover notice ({}, {})", submitted.status(),
						submitted.body().path("code").asString("no code"));
			}
		}
		catch (SandboxPartnerFailed ex) {
			log.warn("RAAK's sandbox could not send its handover notice: {}", ex.getMessage());
		}
	}

	private static ObjectNode loadTemplate(JsonMapper json) {
		try (InputStream in = HandoverNoticeResponder.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
			if (in == null) {
				throw new IOException("missing " + TEMPLATE);
			}
			return (ObjectNode) json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The handover notice example is not on the class path", ex);
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
