package nl.ketenpoort.gateway.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals without credentials are counted per address and summarised once their minute
 * has passed; refusals with credentials are audited one by one up to a limit per address
 * and minute, and counted beyond it; memory stays bounded however many addresses call.
 */
class RefusalWindowsTests {

	private static final Instant START = Instant.parse("2026-11-02T08:00:00Z");

	private final RefusalWindows windows = new RefusalWindows(new RefusalSettings(Duration.ofMinutes(1), 3, 100),
			Clock.fixed(START, ZoneOffset.UTC));

	@Test
	void twentyRefusalsWithoutCredentialsFromOneAddressAreOneSummaryOnceTheMinuteHasPassed() {
		// given
		for (int i = 0; i < 20; i++) {
			this.windows.countWithoutCredentials("h:one");
		}

		// when, then
		assertThat(this.windows.due(START.plusSeconds(59))).as("within the minute").isEmpty();
		assertThat(this.windows.due(START.plusSeconds(60)))
			.containsExactly(new RefusalWindows.Summary("h:one", RefusalWindows.NO_CREDENTIALS, 20, START));
		assertThat(this.windows.due(START.plusSeconds(120))).as("taken once").isEmpty();
	}

	@Test
	void addressesAreCountedApart() {
		this.windows.countWithoutCredentials("h:one");
		this.windows.countWithoutCredentials("h:two");
		this.windows.countWithoutCredentials("h:two");

		assertThat(this.windows.due(START.plusSeconds(60)))
			.extracting(RefusalWindows.Summary::address, RefusalWindows.Summary::count)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("h:one", 1),
					org.assertj.core.groups.Tuple.tuple("h:two", 2));
	}

	@Test
	void refusalsWithCredentialsAreAuditedOneByOneUpToTheLimitAndCountedBeyond() {
		// given
		List<Boolean> admitted = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			admitted.add(this.windows.admitWithCredentials("h:one"));
		}

		// then
		assertThat(admitted).containsExactly(true, true, true, false, false);
		assertThat(this.windows.due(START.plusSeconds(60)))
			.containsExactly(new RefusalWindows.Summary("h:one", RefusalWindows.TOO_MANY_REFUSALS, 2, START));
	}

	@Test
	void refusalsWithCredentialsWithinTheLimitNeedNoSummary() {
		this.windows.admitWithCredentials("h:one");

		assertThat(this.windows.due(START.plusSeconds(60))).isEmpty();
		assertThat(this.windows.admitWithCredentials("h:one")).as("a new window, a new limit").isTrue();
	}

	@Test
	void addressesBeyondTheTrackedNumberShareOneCount() {
		for (int i = 0; i < 150; i++) {
			this.windows.countWithoutCredentials("h:" + i);
		}

		List<RefusalWindows.Summary> summaries = this.windows.all();

		assertThat(summaries).hasSize(101);
		assertThat(summaries).filteredOn((summary) -> summary.address().equals(RefusalWindows.OTHER_ADDRESSES))
			.singleElement()
			.extracting(RefusalWindows.Summary::count)
			.isEqualTo(50);
	}

}
