package nl.ketenpoort.gateway.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import nl.ketenpoort.gateway.audit.internal.SignedNote;
import nl.ketenpoort.gateway.audit.internal.Witness;
import nl.ketenpoort.gateway.audit.internal.WitnessServer;
import nl.ketenpoort.gateway.audit.internal.WitnessState;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The demo's witness of the audit log: the server of {@code witness serve} on 127.0.0.1,
 * in the demo's own process, run "by VluchtelingenWerk", its key and state under
 * {@code $KETENPOORT_DATA_DIR/demo-witness}; with
 * {@code ketenpoort.demo.witness.enabled=true} (the demo profile sets it). The gateway
 * co-signs every checkpoint with it (quorum 1), and the console's audit page shows the
 * last witnessed checkpoint.
 * <p>
 * An environment post-processor, as {@link DemoIdentityProviders}: the gateway's witness
 * settings must name its address and key before they are bound. The witness trusts the
 * gateway's note keys, which exist only once the database does: it asks
 * {@link DemoWitnessLogKey} for them on each checkpoint.
 */
class DemoWitness implements EnvironmentPostProcessor, Ordered {

	static final String ENABLED = "ketenpoort.demo.witness.enabled";

	static final String PROPERTY_SOURCE = "demoWitness";

	static final String NAME = "witness.vluchtelingenwerk.demo";

	/** The gateway's note key, once its context has it. */
	static final AtomicReference<Supplier<List<SignedNote.VerifierKey>>> LOG_KEY = new AtomicReference<>(List::of);

	private final Log log;

	DemoWitness(DeferredLogFactory logs) {
		this.log = logs.getLog(DemoWitness.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty(ENABLED, Boolean.class, false)
				|| environment.getPropertySources().contains(PROPERTY_SOURCE)) {
			return;
		}
		String origin = environment.getProperty("ketenpoort.audit.origin", "ketenpoort.localhost/audit");
		WitnessState state = WitnessState
			.open(Path.of(environment.getRequiredProperty("ketenpoort.data-dir")).resolve("demo-witness"));
		Witness witness = new Witness(
				(asked) -> asked.equals(origin) ? LOG_KEY.get().get() : List.<SignedNote.VerifierKey>of(),
				SignedNote.Signer.of(NAME, state.key()), state, Clock.systemUTC());
		WitnessServer server = WitnessServer.start(witness, "127.0.0.1", 0);
		application.addListeners(new Shutdown(server));
		Map<String, Object> settings = new LinkedHashMap<>();
		String first = "ketenpoort.audit.witnessing.witnesses[0].";
		settings.put(first + "url", "http://127.0.0.1:" + server.port());
		settings.put(first + "key", witness.verifierKey().encoded());
		settings.put(first + "partner", "vvs");
		settings.put("ketenpoort.audit.witnessing.quorum", 1);
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, settings));
		this.log.info("The demo's audit witness (" + NAME + ") listens at http://127.0.0.1:" + server.port() + ", key "
				+ witness.verifierKey().encoded());
	}

	@Override
	public int getOrder() {
		// after the configuration files, which say whether the demo profile wants it
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	private record Shutdown(WitnessServer server) implements ApplicationListener<ContextClosedEvent> {

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			this.server.close();
		}

	}

}
