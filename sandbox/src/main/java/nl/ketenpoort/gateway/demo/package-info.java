/**
 * Demo data of the demo profile: fictional status holders with consents and documents,
 * their listing for the sandbox pages, and the start-up banner that says where to go.
 */
@NullMarked
package nl.ketenpoort.gateway.demo;

import org.jspecify.annotations.NullMarked;
