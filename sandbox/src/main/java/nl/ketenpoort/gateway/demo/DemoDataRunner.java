package nl.ketenpoort.gateway.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * Seeds the demo data once the server listens (the sandbox partners submit through the
 * public API) and after the demo users and partner keys exist.
 */
class DemoDataRunner implements ApplicationRunner, Ordered {

	private final DemoData data;

	DemoDataRunner(DemoData data) {
		this.data = data;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.data.seed();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

}
