package nl.ketenpoort.gateway.partner;

import java.net.URI;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * How documents reach a partner: pushed to its endpoint, or pulled by the partner from
 * {@code GET /api/v1/inbox}.
 *
 * @param endpoint where the gateway delivers, or {@code null} when the partner pulls
 */
public record Delivery(@Nullable URI endpoint) {

	/** Delivery by the gateway to this endpoint. */
	public static Delivery push(URI endpoint) {
		return new Delivery(endpoint);
	}

	/** The partner collects its documents itself. */
	public static Delivery pull() {
		return new Delivery(null);
	}

	public boolean isPull() {
		return this.endpoint == null;
	}

	public Optional<URI> pushEndpoint() {
		return Optional.ofNullable(this.endpoint);
	}

}
