package nl.ketenpoort.gateway;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress line of long commands: position, rate and time left.
 */
class CommandProgressTests {

	@Test
	void theLineGivesRateAndTimeLeftWhenTheEndIsKnown() {
		assertThat(CommandProgress.line("Verified", 120_000, 1_000_000, Duration.ofSeconds(10)))
			.isEqualTo("Verified 120000 of 1000000 (12000/s, 73 s left, 10 s so far)");
		assertThat(CommandProgress.line("Verified before pruning up to position", 500, 0, Duration.ofSeconds(5)))
			.isEqualTo("Verified before pruning up to position 500 (100/s, 5 s so far)");
	}

	@Test
	void aQuickCommandReportsNothingAndClosesCleanly() {
		StringWriter err = new StringWriter();

		try (CommandProgress progress = CommandProgress.start(new PrintWriter(err, true), "Verified", () -> 1, 1)) {
			assertThat(progress).isNotNull();
		}

		assertThat(err.toString()).isEmpty();
	}

}
