package nl.ketenpoort.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Ketenpoort: the privacy-aware gateway between TVS, RAAK, VVS and the language
 * providers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KetenpoortApplication {

	public static void main(String[] args) {
		if (OperatorCommandLine.isCommand(args)) {
			System.exit(OperatorCommandLine.run(args));
		}
		SpringApplication.run(KetenpoortApplication.class, args);
	}

}
