package nl.ketenpoort.gateway.audit;

/**
 * A shape in which audit events leave the gateway and that {@link AuditFields} drives.
 */
public enum AuditView {

	/** The audit API's JSON ({@code /api/v1/audit/**}): camelCase members. */
	API,

	/** The privacy officer's JSON download in the console: camelCase members. */
	CONSOLE,

	/** The CSV export of the API and the console: snake_case columns. */
	CSV,

	/**
	 * The attributes of the Logboek Dataverwerkingen export (its envelope of trace, span,
	 * name, times and status is that standard's, not a field list).
	 */
	LOGBOEK,

	/** The page for a status holder's access request (GDPR Art. 15): titled columns. */
	HTML

}
