package nl.ketenpoort.schemas.validation;

/**
 * The citizen service number (BSN) check: nine digits that pass the 11-test (elfproef).
 */
public final class Bsn {

	private Bsn() {
	}

	/**
	 * Whether the value is a well-formed BSN: nine digits whose weighted sum (weights 9
	 * down to 2, and -1 for the last digit) is a multiple of 11 and not zero.
	 * @param value the candidate
	 * @return {@code true} when the value passes the 11-test
	 */
	public static boolean isValid(String value) {
		if (value.length() != 9) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
			int weight = (i == 8) ? -1 : 9 - i;
			sum += weight * (c - '0');
		}
		return sum != 0 && sum % 11 == 0;
	}

}
