/**
 * A Java 17 client for partner systems of Ketenpoort, with only the JDK and Nimbus
 * JOSE+JWT: {@link nl.ketenpoort.client.KetenpoortClient}.
 */
package nl.ketenpoort.client;
