package nl.ketenpoort.gateway.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import nl.ketenpoort.gateway.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;

/**
 * {@code java -jar ketenpoort-gateway.jar witness serve}: a tlog-witness
 * (https://c2sp.org/tlog-witness) for the given logs, serving
 * {@code POST /add-checkpoint} until SIGTERM. It runs without the gateway's context or
 * database: a witness belongs on another machine, under another operator, than the log it
 * watches.
 */
@Component
@picocli.CommandLine.Command(name = "serve",
		description = {
				"Runs a witness of the given audit logs: co-signs their checkpoints when they extend the last "
						+ "one it co-signed (POST /add-checkpoint, C2SP tlog-witness).",
				"Prints its verifier key and the port, then serves until stopped (SIGTERM)." })
public class WitnessCommand implements Command {

	/** Larger bodies are refused: a checkpoint with 63 proof lines is a few KiB. */
	static final int MAX_BODY = 64 * 1024;

	private static final Logger log = LoggerFactory.getLogger(WitnessCommand.class);

	// Every option has its default in the annotation: the command is a singleton bean,
	// and picocli resets a field to it on every parse.
	@Option(names = "--port", required = true, paramLabel = "<port>",
			description = "Port to listen on; 0 picks a free one, printed at start.")
	int port;

	@Option(names = "--address", defaultValue = "127.0.0.1", paramLabel = "<address>",
			description = "Address to listen on (default: 127.0.0.1, loopback only).")
	String address;

	@Option(names = "--state", required = true, paramLabel = "<directory>",
			description = "Directory of the witness's key and of the last checkpoint it co-signed per log; "
					+ "created with its key on first run.")
	Path state;

	@Option(names = "--name", required = true, paramLabel = "<name>",
			description = "The witness's name, its key name in cosignatures (e.g. witness.example.org/w1).")
	String name;

	@Option(names = "--log", required = true, paramLabel = "<origin>=<vkey>",
			description = "A log to witness: its checkpoint origin and its Ed25519 verifier key; repeatable.")
	List<String> logs;

	@Spec
	CommandSpec spec;

	@Override
	public String group() {
		return "witness";
	}

	@Override
	public boolean standalone() {
		return true;
	}

	@Override
	public Integer call() throws IOException, InterruptedException {
		if (this.port < 0 || this.port > 65535) {
			throw new ParameterException(this.spec.commandLine(), "--port is from 0 to 65535.");
		}
		Map<String, SignedNote.VerifierKey> keys = logKeys();
		try {
			SignedNote.requireName(this.name);
		}
		catch (SignedNote.Malformed ex) {
			throw new ParameterException(this.spec.commandLine(), "--name: " + ex.getMessage() + ".");
		}
		WitnessState witnessState = WitnessState.open(this.state);
		Witness witness = new Witness(keys, SignedNote.Signer.of(this.name, witnessState.key()), witnessState,
				Clock.systemUTC());
		HttpServer server = HttpServer.create(new InetSocketAddress(this.address, this.port), 0);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		server.setExecutor(threads);
		server.createContext("/", (exchange) -> handle(witness, exchange));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.stop(1);
			threads.shutdown();
			stopped.countDown();
		}, "witness-shutdown"));
		server.start();
		PrintWriter out = this.spec.commandLine().getOut();
		out.println(witness.verifierKey().encoded());
		out.println("Witness listening on port " + server.getAddress().getPort());
		out.flush();
		stopped.await();
		return OK;
	}

	private Map<String, SignedNote.VerifierKey> logKeys() {
		Map<String, SignedNote.VerifierKey> keys = new LinkedHashMap<>();
		for (String entry : this.logs) {
			// the origin ends at the first '=': base64 keys end in one
			int split = entry.indexOf('=');
			if (split <= 0) {
				throw new ParameterException(this.spec.commandLine(), "--log is <origin>=<verifier key>.");
			}
			try {
				keys.put(entry.substring(0, split), SignedNote.VerifierKey.parse(entry.substring(split + 1)));
			}
			catch (SignedNote.Malformed ex) {
				throw new ParameterException(this.spec.commandLine(),
						"--log " + entry.substring(0, split) + ": " + ex.getMessage() + ".");
			}
		}
		return keys;
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
