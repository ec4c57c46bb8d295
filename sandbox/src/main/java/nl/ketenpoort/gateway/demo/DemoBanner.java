package nl.ketenpoort.gateway.demo;

import java.nio.file.Path;

import nl.ketenpoort.gateway.system.KetenpoortSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Says where to go once the demo is up: the pages, the API documentation, the sandbox and
 * the file with the demo passwords.
 */
class DemoBanner {

	private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

	private final Environment environment;

	private final Path credentials;

	DemoBanner(Environment environment, KetenpoortSettings settings) {
		this.environment = environment;
		this.credentials = settings.dataDir().resolve("demo-credentials.txt").toAbsolutePath().normalize();
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		String base = "http://localhost:" + this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		log.info("""
				Ketenpoort demo is ready.
				  Portal (status holders):          {}/portal
				  Console (staff):                  {}/console
				  Swagger UI:                       {}/swagger-ui.html
				  Sandbox status holders:           {}/sandbox/subjects
				  Sandbox partners:                 {}/sandbox/partners  (…/<id>/received, …/<id>/mode)
				  Demo users and passwords:         {}
				  Walkthrough:                      docs/walkthrough.md""", base, base, base, base, base,
				this.credentials);
	}

}
