package nl.ketenpoort.adapters;

import nl.ketenpoort.schemas.problem.CodedFailure;
import nl.ketenpoort.schemas.problem.FailureCode;

/**
 * Thrown when a {@link Delivery} is built with a component that does not have its format;
 * the message names the component, never its value.
 */
public class DeliveryInvalid extends RuntimeException implements CodedFailure {

	private final String component;

	public DeliveryInvalid(String component) {
		super("Delivery component '" + component + "' is missing or not well-formed");
		this.component = component;
	}

	public String component() {
		return this.component;
	}

	@Override
	public FailureCode failureCode() {
		return FailureCode.DELIVERY_INVALID;
	}

}
