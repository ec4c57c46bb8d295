package nl.ketenpoort.adapters.raak;

import java.util.List;
import java.util.Set;

import nl.ketenpoort.adapters.mapping.NativeVocabulary;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Codes;
import nl.ketenpoort.adapters.mapping.VocabularyMapping;
import nl.ketenpoort.schemas.DocumentType;

/**
 * RAAK's JSON: it receives the client profile as {@code {"klantprofiel": {…}}} and sends
 * the trajectory plan ({@code trajectplan}) and handover notice
 * ({@code overdrachtsbericht}), with RAAK's Dutch field names and code lists.
 */
public final class RaakMapping extends VocabularyMapping {

	/** The partner id. */
	public static final String PARTNER = "raak";

	public RaakMapping() {
		this(PARTNER);
	}

	/**
	 * RAAK's format as used by one partner system, such as another municipality on RAAK.
	 * @param partner the partner id
	 */
	public RaakMapping(String partner) {
		super(partner,
				List.of(new Format(DocumentType.of("client-profile"), "klantprofiel", clientProfile()),
						new Format(DocumentType.of("trajectory-plan"), "trajectplan", trajectoryPlan()),
						new Format(DocumentType.of("handover-notice"), "overdrachtsbericht", handoverNotice())),
				Set.of(DocumentType.of("client-profile")),
				Set.of(DocumentType.of("trajectory-plan"), DocumentType.of("handover-notice")), "berichtId");
	}

	private static NativeVocabulary subject() {
		return NativeVocabulary.builder().field("vNumber", "vreemdelingennummer").field("bsn", "bsn").build();
	}

	private static NativeVocabulary name() {
		return NativeVocabulary.builder().field("givenNames", "voornamen").field("familyName", "achternaam").build();
	}

	private static NativeVocabulary professional() {
		return NativeVocabulary.builder()
			.field("name", "naam")
			.field("role", "functie")
			.field("phone", "telefoon")
			.field("email", "email")
			.build();
	}

	private static NativeVocabulary arrangement() {
		return NativeVocabulary.builder().field("status", "status").field("date", "datum").build();
	}

	private static NativeVocabulary provider() {
		return NativeVocabulary.builder().field("id", "id").field("name", "naam").build();
	}

	static NativeVocabulary clientProfile() {
		return NativeVocabulary.builder()
			.flatten("subject", subject())
			.object("name", "naam", name())
			.field("birthDate", "geboortedatum")
			.field("countryOfOrigin", "landVanHerkomst")
			.object("caseManager", "casemanagerCoa", professional())
			.list("languages", "taalvaardigheid", "taal",
					NativeVocabulary.builder()
						.field("language", "taal")
						.field("level", "niveau")
						.field("literate", "geletterd")
						.build())
			.field("interpreterNeeded", "tolkNodig")
			.list("education", "opleiding", "opleiding", NativeVocabulary.builder()
				.field("level", "niveau",
						Codes.of("none", "geen", "primary", "basisonderwijs", "lower-secondary", "vmbo-onderbouw",
								"upper-secondary", "havo-vwo", "vocational", "mbo", "bachelor", "hbo-wo-bachelor",
								"master", "wo-master", "doctorate", "promotie", "other", "overig"))
				.field("field", "richting")
				.field("country", "land")
				.field("yearCompleted", "jaarAfgerond")
				.field("diploma", "diploma")
				.field("diplomaEvaluation", "diplomawaardering",
						Codes.of("not-needed", "niet-nodig", "requested", "aangevraagd", "completed", "afgerond"))
				.build())
			.list("workExperience", "werkervaring", "ervaring",
					NativeVocabulary.builder()
						.field("occupation", "beroep")
						.field("sector", "sector")
						.field("country", "land")
						.field("years", "jaren")
						.field("description", "omschrijving")
						.build())
			.object("family", "gezinssamenstelling",
					NativeVocabulary.builder()
						.field("maritalStatus", "burgerlijkeStaat",
								Codes.of("single", "alleenstaand", "married", "gehuwd", "partnered", "samenwonend",
										"divorced", "gescheiden", "widowed", "weduwe-weduwnaar", "unknown", "onbekend"))
						.field("householdSize", "grootteHuishouden")
						.list("children", "kinderen", "kind",
								NativeVocabulary.builder()
									.field("birthYear", "geboortejaar")
									.field("inTheNetherlands", "inNederland")
									.build())
						.field("familyReunification", "gezinshereniging",
								Codes.of("not-applicable", "niet-van-toepassing", "planned", "gepland", "in-progress",
										"lopend", "completed", "afgerond"))
						.build())
			.object("wishes", "toekomstwensen",
					NativeVocabulary.builder()
						.field("work", "werk")
						.field("education", "opleiding")
						.field("dreamJob", "droombaan")
						.field("other", "overig")
						.build())
			.field("caseManagerImpression", "indrukCasemanager")
			.object("practical", "praktischeZaken",
					NativeVocabulary.builder()
						.object("digid", "digid", arrangement())
						.list("allowances", "toeslagen", "toeslag",
								NativeVocabulary.builder().field("kind", "soort").field("status", "status").build())
						.object("bankAccount", "bankrekening", arrangement())
						.object("healthInsurance", "zorgverzekering", arrangement())
						.object("housing", "huisvesting",
								NativeVocabulary.builder()
									.field("status", "status")
									.field("municipality", "gemeente")
									.field("expectedMoveDate", "verwachteVerhuisdatum")
									.build())
						.build())
			.object("voorinburgering", "voorinburgering",
					NativeVocabulary.builder()
						.field("participates", "neemtDeel")
						.field("consentSignedOn", "instemmingsverklaringGetekendOp")
						.field("startDate", "startdatum")
						.field("endDate", "einddatum")
						.field("dutchHours", "urenNederlands")
						.field("knmHours", "urenKnm")
						.field("caseManagementHours", "urenCasemanagement")
						.field("dutchLevelReached", "niveauNederlandsBereikt")
						.build())
			.list("contextNotes", "contextnotities", "notitie",
					NativeVocabulary.builder().field("date", "datum").field("text", "tekst").build())
			.object("wellbeing", "welbevinden",
					NativeVocabulary.builder()
						.field("mentalLoad", "mentaleBelasting")
						.field("notes", "toelichting")
						.build())
			.object("health", "gezondheid",
					NativeVocabulary.builder()
						.values("careIndications", "zorgindicaties", "zorgindicatie")
						.field("referredTo", "verwezenNaar")
						.build())
			.build();
	}

	static NativeVocabulary trajectoryPlan() {
		return NativeVocabulary.builder()
			.flatten("subject", subject())
			.object("name", "naam", name())
			.field("agreedOn", "vastgesteldOp")
			.object("clientManager", "klantmanager", professional())
			.list("goals", "doelen", "doel",
					NativeVocabulary.builder()
						.field("domain", "leefgebied",
								Codes.of("language", "taal", "work", "werk", "education", "opleiding", "participation",
										"participatie", "housing", "wonen", "income", "inkomen", "self-reliance",
										"zelfredzaamheid"))
						.field("description", "omschrijving")
						.field("targetDate", "streefdatum")
						.build())
			.object("course", "inburgeringscursus",
					NativeVocabulary.builder()
						.field("integrationRoute", "leerroute")
						.field("name", "naam")
						.object("provider", "taalaanbieder", provider())
						.field("startDate", "startdatum")
						.build())
			.list("workEducationSteps", "stappenWerkEnOpleiding", "stap",
					NativeVocabulary.builder()
						.field("kind", "soort")
						.field("description", "omschrijving")
						.field("status", "status")
						.field("dueDate", "uiterlijk")
						.build())
			.object("participation", "participatie",
					NativeVocabulary.builder()
						.field("activity", "activiteit")
						.field("hoursPerWeek", "urenPerWeek")
						.field("participationStatementSigned", "participatieverklaringOndertekend")
						.build())
			.values("reviewDates", "evaluatiemomenten", "evaluatiemoment")
			.list("benefitDeductions", "maatregelen", "maatregel",
					NativeVocabulary.builder()
						.field("date", "datum")
						.field("reason", "reden")
						.field("percentage", "percentage")
						.field("months", "maanden")
						.build())
			.build();
	}

	static NativeVocabulary handoverNotice() {
		return NativeVocabulary.builder()
			.flatten("subject", subject())
			.object("document", "betreftBericht",
					NativeVocabulary.builder().field("type", "soort").field("exchangeId", "uitwisselingId").build())
			.object("receivingOrganisation", "ontvangendeOrganisatie",
					NativeVocabulary.builder().field("id", "id").field("name", "naam").field("team", "team").build())
			.object("receivingContact", "contactpersoon", professional())
			.field("expectedFirstContact", "verwachtEersteContact")
			.build();
	}

}
