package nl.ketenpoort.gateway.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiPredicate;

import nl.ketenpoort.gateway.security.SecurityFuzzIntegrationTests.Answer;

/**
 * Findings of the security suite whose fix belongs to work under way elsewhere: each is
 * tolerated for exactly the requests and answers it describes, counted, and printed at
 * the end of the run. Remove a finding when its fix is merged, and the suite holds the
 * fix in place. None is open: the three the suite found first (Tomcat's HTML error page,
 * an undecodable query parameter, consent grants with null members) are fixed.
 */
enum KnownFindings {

	;

	private final BiPredicate<FuzzRequest, Answer> matches;

	KnownFindings(BiPredicate<FuzzRequest, Answer> matches) {
		this.matches = matches;
	}

	static Optional<KnownFindings> matching(FuzzRequest request, Answer answer) {
		return Arrays.stream(values()).filter((finding) -> finding.matches.test(request, answer)).findFirst();
	}

}
