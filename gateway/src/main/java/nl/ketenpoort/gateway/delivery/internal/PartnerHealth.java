package nl.ketenpoort.gateway.delivery.internal;

import java.time.Instant;
import java.util.List;

import nl.ketenpoort.gateway.exchange.Exchanges;
import nl.ketenpoort.gateway.partner.Partner;
import nl.ketenpoort.gateway.partner.PartnerId;
import nl.ketenpoort.gateway.partner.Partners;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * How delivery to each partner goes: what waits, when the last delivery succeeded, and
 * what the last problem was.
 */
@Component
public class PartnerHealth {

	private final Exchanges exchanges;

	private final Partners partners;

	PartnerHealth(Exchanges exchanges, Partners partners) {
		this.exchanges = exchanges;
		this.partners = partners;
	}

	/**
	 * One partner's delivery health.
	 *
	 * @param partner partner id
	 * @param displayName partner name
	 * @param queued exchanges waiting for delivery
	 * @param deadLetters exchanges given up on
	 * @param lastSuccess the last successful delivery
	 * @param lastFailure the reason of the most recent failed attempt still waiting
	 */
	public record Row(String partner, String displayName, long queued, long deadLetters, @Nullable Instant lastSuccess,
			@Nullable String lastFailure) {
	}

	public List<Row> rows() {
		return this.partners.all().stream().map(this::row).toList();
	}

	private Row row(Partner partner) {
		Exchanges.Queue queue = this.exchanges.queueOf(PartnerId.of(partner.id()));
		return new Row(partner.id(), partner.displayName(), queue.queued(), queue.givenUp(), queue.lastSuccess(),
				queue.lastRetriedFailure());
	}

}
