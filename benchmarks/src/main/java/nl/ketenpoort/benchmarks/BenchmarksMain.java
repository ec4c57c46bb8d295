package nl.ketenpoort.benchmarks;

import nl.ketenpoort.gateway.KetenpoortApplication;

/**
 * Entry point of the benchmarks jar: {@code audit …} runs as a gateway command (against
 * the configured database, without web server: {@code audit generate} is offered only
 * here), everything else is JMH's ({@code <benchmark name> -f 1 …}).
 */
public final class BenchmarksMain {

	private BenchmarksMain() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && "audit".equals(args[0])) {
			KetenpoortApplication.main(args);
			return;
		}
		org.openjdk.jmh.Main.main(args);
	}

}
