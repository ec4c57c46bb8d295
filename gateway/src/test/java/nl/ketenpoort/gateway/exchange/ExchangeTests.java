package nl.ketenpoort.gateway.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.ketenpoort.consent.purpose.LegalBasis;
import nl.ketenpoort.consent.purpose.PurposeCode;
import nl.ketenpoort.consent.subject.SubjectRef;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.schemas.DocumentType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The life of an exchange: which state changes each status allows, what each change
 * records, and that a change its status does not allow is refused.
 */
class ExchangeTests {

	private static final Instant ACCEPTED_AT = Instant.parse("2026-12-01T10:00:00Z");

	private static final Duration LEASE = Duration.ofMinutes(2);

	private final Exchange accepted = Exchange.accept(UUID.randomUUID(), PartnerId.of("tvs"), PartnerId.of("raak"),
			DocumentType.of("client-profile"), PurposeCode.of("handover-coa-municipality"), LegalBasis.values()[0],
			UUID.randomUUID(), new SubjectRef("vnr_" + "a".repeat(43)), "key-1", "0".repeat(64), "1".repeat(64),
			List.of("name"), "f".repeat(32), null, ACCEPTED_AT);

	@Test
	void aClaimReservesItForOneLeaseAndCountsTheAttempt() {
		Instant now = ACCEPTED_AT.plusSeconds(1);

		Exchange.Transition claim = this.accepted.claim(now, LEASE);

		assertThat(claim.to().status()).isEqualTo(ExchangeStatus.DELIVERING);
		assertThat(claim.to().attempts()).isEqualTo(1);
		assertThat(claim.to().nextAttemptAt()).isEqualTo(now.plus(LEASE));
		assertThat(claim.event()).isNull();
		// a node that died leaves it delivering; once the lease ran out it is claimed
		// again
		assertThat(claim.to().claim(now.plus(LEASE), LEASE).to().attempts()).isEqualTo(2);
	}

	@Test
	void deliveryConcludesAClaimedExchangeWithItsEvent() {
		Exchange delivering = this.accepted.claim(ACCEPTED_AT, LEASE).to();
		Instant now = ACCEPTED_AT.plusSeconds(5);

		Exchange.Transition delivered = delivering.deliver(now, 200, null, false);

		assertThat(delivered.to().status()).isEqualTo(ExchangeStatus.DELIVERED);
		assertThat(delivered.to().deliveredAt()).isEqualTo(now);
		assertThat(delivered.event()).isEqualTo(new ExchangeDelivered(delivered.to(), 200, null, false));
	}

	@Test
	void onlyAClaimedExchangeIsConcluded() {
		assertThatExceptionOfType(Exchange.TransitionRefused.class)
			.isThrownBy(() -> this.accepted.deliver(ACCEPTED_AT, 200, null, false));
		assertThatExceptionOfType(Exchange.TransitionRefused.class)
			.isThrownBy(() -> this.accepted.fail(ACCEPTED_AT, "CLIENT_ERROR", 400));
		assertThatExceptionOfType(Exchange.TransitionRefused.class)
			.isThrownBy(() -> this.accepted.retry(ACCEPTED_AT, "SERVER_ERROR", 503));
		Exchange delivered = this.accepted.claim(ACCEPTED_AT, LEASE).to().deliver(ACCEPTED_AT, 200, null, false).to();
		assertThatExceptionOfType(Exchange.TransitionRefused.class)
			.isThrownBy(() -> delivered.deadLetter(ACCEPTED_AT, "SERVER_ERROR", 503));
		assertThatExceptionOfType(Exchange.TransitionRefused.class)
			.isThrownBy(() -> delivered.claim(ACCEPTED_AT, LEASE));
	}

	@Test
	void aRetryKeepsItDeliveringUntilTheNextAttempt() {
		Exchange delivering = this.accepted.claim(ACCEPTED_AT, LEASE).to();
		Instant next = ACCEPTED_AT.plusSeconds(30);

		Exchange.Transition retry = delivering.retry(next, "SERVER_ERROR", 503);

		assertThat(retry.to().status()).isEqualTo(ExchangeStatus.DELIVERING);
		assertThat(retry.to().nextAttemptAt()).isEqualTo(next);
		assertThat(retry.to().statusChangedAt()).isEqualTo(delivering.statusChangedAt());
		assertThat(retry.event()).isEqualTo(new ExchangeFailed(retry.to(), "SERVER_ERROR", 503, true));
	}

	@Test
	void aWithheldExchangeLosesItsPayloadAndCannotBeReplayed() {
		Exchange refused = this.accepted.claim(ACCEPTED_AT, LEASE).to().withhold(ACCEPTED_AT, "REVOKED", false).to();

		assertThat(refused.status()).isEqualTo(ExchangeStatus.REFUSED);
		assertThat(refused.payloadKept()).isFalse();
		assertThat(refused.replayable()).isFalse();
		assertThatExceptionOfType(Exchange.TransitionRefused.class).isThrownBy(() -> refused.replay(ACCEPTED_AT));
	}

	@Test
	void aDeadLetterIsReplayedAsNew() {
		Exchange dead = this.accepted.claim(ACCEPTED_AT, LEASE).to().deadLetter(ACCEPTED_AT, "SERVER_ERROR", 503).to();
		Instant now = ACCEPTED_AT.plusSeconds(60);

		Exchange.Transition replay = dead.replay(now);

		assertThat(replay.to().status()).isEqualTo(ExchangeStatus.ACCEPTED);
		assertThat(replay.to().attempts()).isZero();
		assertThat(replay.to().nextAttemptAt()).isEqualTo(now);
		assertThatExceptionOfType(Exchange.TransitionRefused.class).isThrownBy(() -> this.accepted.replay(ACCEPTED_AT));
	}

	@Test
	void onlyADeliveredPayloadPastItsTimeIsPurged() {
		Exchange delivered = this.accepted.claim(ACCEPTED_AT, LEASE).to().deliver(ACCEPTED_AT, 200, null, false).to();
		Instant later = ACCEPTED_AT.plusSeconds(3600);

		assertThat(delivered.purgeable(ACCEPTED_AT)).isFalse();
		assertThat(this.accepted.purgeable(later)).isFalse();
		Exchange purged = delivered.purge(later, later).to();
		assertThat(purged.payloadKept()).isFalse();
		assertThat(purged.purgedAt()).isEqualTo(later);
		assertThat(purged.purgeable(later)).isFalse();
	}

	@Test
	void aPullRecipientCollectsWithoutCountingAnAttempt() {
		Exchange collected = this.accepted.collect().to();

		assertThat(collected.status()).isEqualTo(ExchangeStatus.DELIVERING);
		assertThat(collected.attempts()).isZero();
		assertThat(collected.deliver(ACCEPTED_AT, null, null, true).event())
			.isEqualTo(new ExchangeDelivered(collected.deliver(ACCEPTED_AT, null, null, true).to(), null, null, true));
		assertThatExceptionOfType(Exchange.TransitionRefused.class).isThrownBy(() -> collected.collect());
	}

}
