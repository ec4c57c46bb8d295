package nl.ketenpoort.gateway.demo;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;

/**
 * Seeds the demo data once the server listens (the sandbox partners submit through the
 * public API) and after the demo users and partner keys exist.
 */
class DemoDataRunner implements ApplicationRunner, Ordered {

	private final DemoData data;

	private final @Nullable DemoMandate mandate;

	DemoDataRunner(DemoData data, @Nullable DemoMandate mandate) {
		this.data = data;
		this.mandate = mandate;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.data.seed();
		if (this.mandate != null) {
			this.mandate.seed();
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

}
