package nl.ketenpoort.consent;

/**
 * A {@code ketenpoort.consent.*} setting is missing or unusable; raised at start-up. The
 * message never contains the value.
 */
public class ConsentSettingsInvalid extends RuntimeException {

	private final String property;

	ConsentSettingsInvalid(String property, String problem) {
		super("ketenpoort.consent." + property + " " + problem);
		this.property = property;
	}

	public String property() {
		return this.property;
	}

}
