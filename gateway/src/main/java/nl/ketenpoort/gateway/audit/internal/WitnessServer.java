package nl.ketenpoort.gateway.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Witness} on HTTP (the JDK's server): {@code POST /add-checkpoint} and nothing
 * else, bodies of at most 64 KiB. {@code witness serve} runs one; so does the demo, and
 * so do the tests, on loopback.
 */
public final class WitnessServer implements AutoCloseable {

	static final int MAX_BODY = 64 * 1024;

	private static final Logger log = LoggerFactory.getLogger(WitnessServer.class);

	private final HttpServer server;

	private final ExecutorService threads;

	private WitnessServer(HttpServer server, ExecutorService threads) {
		this.server = server;
		this.threads = threads;
	}

	/**
	 * Starts serving {@code witness} on this address and port (0: a free one).
	 */
	public static WitnessServer start(Witness witness, String address, int port) {
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(address, port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the witness cannot listen on " + address + ":" + port, ex);
		}
		ExecutorService threads = Executors.newFixedThreadPool(4);
		server.setExecutor(threads);
		server.createContext("/", (exchange) -> handle(witness, exchange));
		server.start();
		return new WitnessServer(server, threads);
	}

	/** The port it listens on. */
	public int port() {
		return this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(1);
		this.threads.shutdown();
	}

	private static void handle(Witness witness, HttpExchange exchange) throws IOException {
		try {
			if (!"/add-checkpoint".equals(exchange.getRequestURI().getPath())) {
				send(exchange, new Witness.Response(404, Witness.TEXT, "not found\n"));
				return;
			}
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.getResponseHeaders().set("Allow", "POST");
				send(exchange, new Witness.Response(405, Witness.TEXT, "add-checkpoint takes a POST\n"));
				return;
			}
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readNBytes(MAX_BODY + 1);
			}
			if (body.length > MAX_BODY) {
				send(exchange, new Witness.Response(413, Witness.TEXT, "the body is larger than 64 KiB\n"));
				return;
			}
			Witness.Response response;
			try {
				response = witness.addCheckpoint(body);
			}
			catch (RuntimeException ex) {
				// the state could not be read or written: nothing was co-signed
				log.error("The witness could not answer a checkpoint", ex);
				response = new Witness.Response(500, Witness.TEXT, "the witness cannot answer now\n");
			}
			send(exchange, response);
		}
		finally {
			exchange.close();
		}
	}

	private static void send(HttpExchange exchange, Witness.Response response) throws IOException {
		byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", response.contentType());
		exchange.sendResponseHeaders(response.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
