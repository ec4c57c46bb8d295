package nl.ketenpoort.gateway.partner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import nl.ketenpoort.gateway.Command;

/**
 * {@code partner register-key <id> <public.jwk>}: registers the public key a partner
 * system signs its client assertions with.
 */
class RegisterPartnerKeyCommand implements Command {

	private final PartnerKeys keys;

	RegisterPartnerKeyCommand(PartnerKeys keys) {
		this.keys = keys;
	}

	@Override
	public String group() {
		return "partner";
	}

	@Override
	public String name() {
		return "register-key";
	}

	@Override
	public String usage() {
		return "<partner-id> <public-key.jwk>";
	}

	@Override
	public int run(List<String> args, PrintWriter out) {
		if (args.size() != 2) {
			out.println("Usage: partner register-key " + usage());
			return 2;
		}
		String json;
		try {
			json = Files.readString(Path.of(args.get(1)), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			out.println("Cannot read " + args.get(1) + ": " + ex.getMessage());
			return 1;
		}
		try {
			JWK registered = this.keys.register(args.get(0), PartnerKeys.parse(json));
			out.println("Registered key " + registered.getKeyID() + " for partner " + args.get(0) + ".");
			return 0;
		}
		catch (PartnerUnknown | PartnerKeyRejected ex) {
			out.println(ex.getMessage());
			return 1;
		}
	}

}
