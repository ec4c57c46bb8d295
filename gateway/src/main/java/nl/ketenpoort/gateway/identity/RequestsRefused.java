package nl.ketenpoort.gateway.identity;

import java.time.Instant;

/**
 * The requests one client address had refused within one summary interval that are not
 * audited one by one: those without any credentials, and those beyond the number audited
 * one by one.
 *
 * @param address the pseudonym of the client address, or {@code other-addresses}
 * @param reason {@code NO_CREDENTIALS} or {@code TOO_MANY_REFUSALS}
 * @param count how many requests were refused
 * @param since when the first of them came
 */
public record RequestsRefused(String address, String reason, int count, Instant since) {

}
