/**
 * The wire format shared by server and clients: parameter encoding, both request signatures, POP error codes.
 * An open module: every type here, including the signature sub-package, is meant for use by any other module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.sluice.protocol;

import org.springframework.modulith.ApplicationModule;
