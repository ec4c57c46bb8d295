package nl.ketenpoort.gateway.consent.internal;

import java.io.PrintWriter;
import java.util.List;

import nl.ketenpoort.consent.subject.SubjectLink;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.springframework.stereotype.Component;

/**
 * {@code java -jar ketenpoort-gateway.jar subjects review-links}: lists the links between
 * a V-number and a BSN that no accepted exchange recorded (written before links were tied
 * to exchanges, when a refused submission could write one), by pseudonym only, for an
 * operator to review; it deletes nothing. Exits 0 when there is none, 1 when some are
 * listed.
 */
@Component
@picocli.CommandLine.Command(name = "review-links",
		description = { "Lists the links between a V-number and a BSN that no accepted exchange recorded, by"
				+ " pseudonym only; deletes nothing.", "Exits 0 when there is none, 1 when some are listed." })
class SubjectLinksReviewCommand implements Command {

	@Spec
	CommandSpec spec;

	private final Subjects subjects;

	SubjectLinksReviewCommand(Subjects subjects) {
		this.subjects = subjects;
	}

	@Override
	public String group() {
		return "subjects";
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		List<SubjectLink> links = this.subjects.linksWithoutAcceptedExchange();
		if (links.isEmpty()) {
			out.println("Every link between a V-number and a BSN was recorded by an accepted exchange.");
			return OK;
		}
		out.println("kind\tidentifier-pseudonym\tsubject-pseudonym\tlinked-at");
		for (SubjectLink link : links) {
			out.println(link.kind().code() + "\t" + link.identifierPseudonym() + "\t" + link.subject().pseudonym()
					+ "\t" + link.linkedAt());
		}
		out.println(links.size() + " link(s) were not recorded by an accepted exchange: review them (see"
				+ " docs/subjects.md); nothing was changed.");
		return FINDING;
	}

}
