package nl.ketenpoort.gateway.console.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import nl.ketenpoort.gateway.identity.Actors;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The console's home: what the logged-in professional may do here, by role.
 */
@Controller
class ConsoleController {

	@GetMapping("/console")
	String home() {
		return "console/home";
	}

	/** Gives every console page the menu of the reader's parts of the console. */
	@ControllerAdvice(assignableTypes = { ConsoleController.class, OnBehalfController.class, DocumentsController.class,
			AuditPagesController.class, OperationsController.class, MandatesPageController.class })
	static class Menu {

		@ModelAttribute("sections")
		List<Section> sections() {
			return Actors.find().map(Section::of).orElse(List.of());
		}

		@ModelAttribute("current")
		String current(HttpServletRequest request) {
			String uri = request.getRequestURI();
			return Section.ALL.stream()
				.filter((section) -> uri.startsWith(section.path()))
				.reduce((first, second) -> second)
				.map(Section::key)
				.orElse("home");
		}

	}

}
