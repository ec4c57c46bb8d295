package nl.ketenpoort.adapters.tvs;

import nl.ketenpoort.adapters.mapping.NativeVocabulary;

/**
 * The element names of the TVS export, in the order {@code tvs-export.xsd} prescribes.
 */
final class TvsVocabularies {

	private TvsVocabularies() {
	}

	private static NativeVocabulary subject() {
		return NativeVocabulary.builder().field("vNumber", "vNummer").field("bsn", "bsn").build();
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

	static NativeVocabulary clientProfile() {
		return NativeVocabulary.builder()
			.flatten("subject", subject())
			.object("name", "naam", name())
			.field("birthDate", "geboortedatum")
			.field("countryOfOrigin", "landVanHerkomst")
			.object("caseManager", "casemanager", professional())
			.list("languages", "talen", "taal",
					NativeVocabulary.builder()
						.field("language", "taalcode")
						.field("level", "niveau")
						.field("literate", "geletterd")
						.build())
			.field("interpreterNeeded", "tolkNodig")
			.list("education", "opleidingen", "opleiding",
					NativeVocabulary.builder()
						.field("level", "niveau")
						.field("field", "richting")
						.field("country", "land")
						.field("yearCompleted", "jaarAfgerond")
						.field("diploma", "diploma")
						.field("diplomaEvaluation", "diplomawaardering")
						.build())
			.list("workExperience", "werkervaring", "ervaring",
					NativeVocabulary.builder()
						.field("occupation", "beroep")
						.field("sector", "sector")
						.field("country", "land")
						.field("years", "aantalJaren")
						.field("description", "omschrijving")
						.build())
			.object("family", "gezin",
					NativeVocabulary.builder()
						.field("maritalStatus", "burgerlijkeStaat")
						.field("householdSize", "grootteHuishouden")
						.list("children", "kinderen", "kind",
								NativeVocabulary.builder()
									.field("birthYear", "geboortejaar")
									.field("inTheNetherlands", "inNederland")
									.build())
						.field("familyReunification", "gezinshereniging")
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

	static NativeVocabulary learnerProfile() {
		return NativeVocabulary.builder()
			.flatten("subject", subject())
			.object("name", "naam", name())
			.object("teacher", "docentNt2", professional())
			.object("levels", "niveaus",
					NativeVocabulary.builder()
						.field("reading", "lezen")
						.field("listening", "luisteren")
						.field("speaking", "spreken")
						.field("writing", "schrijven")
						.field("assessedOn", "getoetstOp")
						.build())
			.object("literacy", "geletterdheid",
					NativeVocabulary.builder()
						.field("latinScript", "latijnsSchrift")
						.field("ownScript", "eigenSchrift")
						.build())
			.values("preferredLearningStyle", "leerstijlen", "leerstijl")
			.field("motivation", "motivatie")
			.field("hoursFollowed", "urenGevolgd")
			.object("learnabilityTest", "leerbaarheidstoets",
					NativeVocabulary.builder()
						.field("test", "toets")
						.field("takenOn", "afgenomenOp")
						.field("outcome", "uitkomst")
						.field("score", "score")
						.field("advisedLevelTarget", "streefniveau")
						.build())
			.field("teacherRemarks", "opmerkingenDocent")
			.build();
	}

}
