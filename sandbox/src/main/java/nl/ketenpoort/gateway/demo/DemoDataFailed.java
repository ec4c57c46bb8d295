package nl.ketenpoort.gateway.demo;

/**
 * The demo data could not be seeded; the demo does not start half-seeded without saying
 * so.
 */
class DemoDataFailed extends RuntimeException {

	DemoDataFailed(String reason) {
		super("The demo data could not be seeded: " + reason);
	}

}
