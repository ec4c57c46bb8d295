package nl.ketenpoort.gateway.consent;

import java.io.PrintWriter;
import java.util.List;

import nl.ketenpoort.consent.subject.SubjectLink;
import nl.ketenpoort.consent.subject.Subjects;
import nl.ketenpoort.gateway.Command;

import org.springframework.stereotype.Component;

/**
 * {@code java -jar ketenpoort-gateway.jar subjects review-links}: lists the links between
 * a V-number and a BSN that no accepted exchange recorded (written before links were tied
 * to exchanges, when a refused submission could write one), by pseudonym only, for an
 * operator to review; it deletes nothing. Exits 0 when there is none, 1 when some are
 * listed.
 */
@Component
class SubjectLinksReviewCommand implements Command {

	private final Subjects subjects;

	SubjectLinksReviewCommand(Subjects subjects) {
		this.subjects = subjects;
	}

	@Override
	public String group() {
		return "subjects";
	}

	@Override
	public String name() {
		return "review-links";
	}

	@Override
	public String usage() {
		return "";
	}

	@Override
	public int run(List<String> args, PrintWriter out) {
		List<SubjectLink> links = this.subjects.linksWithoutAcceptedExchange();
		if (links.isEmpty()) {
			out.println("Every link between a V-number and a BSN was recorded by an accepted exchange.");
			return 0;
		}
		out.println("kind\tidentifier-pseudonym\tsubject-pseudonym\tlinked-at");
		for (SubjectLink link : links) {
			out.println(link.kind().code() + "\t" + link.identifierPseudonym() + "\t" + link.subject().pseudonym()
					+ "\t" + link.linkedAt());
		}
		out.println(links.size() + " link(s) were not recorded by an accepted exchange: review them (see"
				+ " docs/subjects.md); nothing was changed.");
		return 1;
	}

}
