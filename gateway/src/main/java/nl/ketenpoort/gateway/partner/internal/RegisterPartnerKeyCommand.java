package nl.ketenpoort.gateway.partner.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.nimbusds.jose.jwk.JWK;
import nl.ketenpoort.gateway.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import nl.ketenpoort.gateway.partner.PartnerKeys;

/**
 * {@code partner register-key <id> <public.jwk>}: registers the public key a partner
 * system signs its client assertions with.
 */
@picocli.CommandLine.Command(name = "register-key",
		description = "Registers the public key (JWK) a partner system signs its client assertions with.")
public class RegisterPartnerKeyCommand implements Command {

	private final PartnerKeys keys;

	@Parameters(index = "0", paramLabel = "<partner-id>", description = "The partner's client id, such as tvs.")
	String partner;

	@Parameters(index = "1", paramLabel = "<public-key.jwk>", description = "File with the public key as JWK JSON.")
	Path file;

	@Spec
	CommandSpec spec;

	RegisterPartnerKeyCommand(PartnerKeys keys) {
		this.keys = keys;
	}

	@Override
	public String group() {
		return "partner";
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		String json;
		try {
			json = Files.readString(this.file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			out.println("Cannot read " + this.file + ": " + ex.getMessage());
			return CANNOT_RUN;
		}
		try {
			JWK registered = this.keys.register(this.partner, PartnerKeys.parse(json));
			out.println("Registered key " + registered.getKeyID() + " for partner " + this.partner + ".");
			return OK;
		}
		catch (PartnerUnknown | PartnerKeyRejected ex) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
		}
	}

}
