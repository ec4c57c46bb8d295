package nl.ketenpoort.gateway.audit.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import nl.ketenpoort.gateway.Command;
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
		Map<String, List<SignedNote.VerifierKey>> keys = logKeys();
		try {
			SignedNote.requireName(this.name);
		}
		catch (SignedNote.Malformed ex) {
			throw new ParameterException(this.spec.commandLine(), "--name: " + ex.getMessage() + ".");
		}
		WitnessState witnessState = WitnessState.open(this.state);
		Witness witness = new Witness((origin) -> keys.getOrDefault(origin, List.of()),
				SignedNote.Signer.of(this.name, witnessState.key()), witnessState, Clock.systemUTC());
		WitnessServer server = WitnessServer.start(witness, this.address, this.port);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}, "witness-shutdown"));
		PrintWriter out = this.spec.commandLine().getOut();
		out.println(witness.verifierKey().encoded());
		out.println("Witness listening on port " + server.port());
		out.flush();
		stopped.await();
		return OK;
	}

	private Map<String, List<SignedNote.VerifierKey>> logKeys() {
		Map<String, List<SignedNote.VerifierKey>> keys = new LinkedHashMap<>();
		for (String entry : this.logs) {
			// the origin ends at the first '=': base64 keys end in one
			int split = entry.indexOf('=');
			if (split <= 0) {
				throw new ParameterException(this.spec.commandLine(), "--log is <origin>=<verifier key>.");
			}
			try {
				// one origin may be named twice: its old and new key while the log
				// rotates
				keys.computeIfAbsent(entry.substring(0, split), (origin) -> new java.util.ArrayList<>())
					.add(SignedNote.VerifierKey.parse(entry.substring(split + 1)));
			}
			catch (SignedNote.Malformed ex) {
				throw new ParameterException(this.spec.commandLine(),
						"--log " + entry.substring(0, split) + ": " + ex.getMessage() + ".");
			}
		}
		return keys;
	}

}
