package nl.ketenpoort.gateway.exchange;

import org.jspecify.annotations.Nullable;

/**
 * A delivery attempt failed: for good (the recipient refused it), or in a way that may
 * pass, and delivery tries again ({@code retrying}).
 *
 * @param exchange the exchange after the attempt
 * @param reason the bounded reason code of the failure
 * @param partnerStatus the recipient's HTTP status, if it answered
 * @param retrying whether another attempt follows
 */
public record ExchangeFailed(Exchange exchange, String reason, @Nullable Integer partnerStatus, boolean retrying) {

}
