package nl.ketenpoort.adapters.taalschool;

import nl.ketenpoort.adapters.mapping.NativeVocabulary;
import nl.ketenpoort.adapters.mapping.NativeVocabulary.Codes;

/**
 * The field names and code lists the language providers use for learners; the opstartklas
 * is taught at a language school, so it writes its report in the same words.
 */
final class LanguageProviderVocabularies {

	private static final Codes LEARNING_STYLES = Codes.of("visual", "visueel", "auditory", "auditief", "practical",
			"praktisch", "reading-writing", "lezen-schrijven", "individual", "individueel", "small-group",
			"kleine-groep", "group", "groep");

	private LanguageProviderVocabularies() {
	}

	private static NativeVocabulary learner() {
		return NativeVocabulary.builder().field("vNumber", "vNummer").field("bsn", "bsn").build();
	}

	private static NativeVocabulary name() {
		return NativeVocabulary.builder().field("givenNames", "voornamen").field("familyName", "achternaam").build();
	}

	private static NativeVocabulary teacher() {
		return NativeVocabulary.builder()
			.field("name", "naam")
			.field("role", "functie")
			.field("phone", "telefoon")
			.field("email", "email")
			.build();
	}

	private static NativeVocabulary learnability() {
		return NativeVocabulary.builder()
			.field("test", "toets",
					Codes.of("bureau-ice", "bureau-ice", "opstartklas", "opstartklas", "other", "anders"))
			.field("takenOn", "afgenomenOp")
			.field("outcome", "uitkomst",
					Codes.of("low", "laag", "below-average", "beneden-gemiddeld", "average", "gemiddeld",
							"above-average", "boven-gemiddeld", "high", "hoog"))
			.field("score", "score")
			.field("advisedLevelTarget", "streefniveau")
			.build();
	}

	static NativeVocabulary learnerProfile() {
		return NativeVocabulary.builder()
			.object("subject", "cursist", learner())
			.object("name", "naam", name())
			.object("teacher", "docent", teacher())
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
			.values("preferredLearningStyle", "leerstijlen", "leerstijl", LEARNING_STYLES)
			.field("motivation", "motivatie")
			.field("hoursFollowed", "urenGevolgd")
			.object("learnabilityTest", "leerbaarheidstoets", learnability())
			.field("teacherRemarks", "opmerkingenDocent")
			.build();
	}

	static NativeVocabulary opstartklasReport() {
		return NativeVocabulary.builder()
			.object("subject", "cursist", learner())
			.object("name", "naam", name())
			.object("teacher", "docent", teacher())
			.object("period", "periode",
					NativeVocabulary.builder().field("startDate", "startdatum").field("endDate", "einddatum").build())
			.object("learnability", "leerbaarheid", learnability())
			.object("learnerProfile", "leerprofiel",
					NativeVocabulary.builder()
						.values("learningStyle", "leerstijlen", "leerstijl", LEARNING_STYLES)
						.field("pace", "tempo", Codes.of("slow", "langzaam", "average", "gemiddeld", "fast", "snel"))
						.field("strengths", "sterkePunten")
						.field("attentionPoints", "aandachtspunten")
						.build())
			.object("oralSkills", "mondelingeVaardigheden",
					NativeVocabulary.builder()
						.field("speaking", "spreken")
						.field("listening", "luisteren")
						.field("presentation", "presentatie")
						.build())
			.object("advice", "advies", NativeVocabulary.builder()
				.field("integrationRoute", "leerroute",
						Codes.of("b1-route", "B1-route", "education-route", "onderwijsroute", "z-route", "Z-route"))
				.field("course", "cursus")
				.field("hoursPerWeek", "urenPerWeek")
				.object("provider", "aanbieder",
						NativeVocabulary.builder().field("id", "id").field("name", "naam").build())
				.field("explanation", "toelichting")
				.build())
			.object("attendance", "aanwezigheid",
					NativeVocabulary.builder()
						.field("sessionsPlanned", "lessenGepland")
						.field("sessionsAttended", "lessenBijgewoond")
						.build())
			.build();
	}

}
