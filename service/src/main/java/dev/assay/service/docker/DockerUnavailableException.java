package dev.assay.service.docker;

import java.net.URI;

/** The Docker engine could not be reached or refused the request; callers answer 503 with Retry-After. */
public class DockerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DockerUnavailableException(URI host, String cause) {
        super("Docker engine at " + host + " is not available: " + cause
                + ". Start it (./assay start does) or set DOCKER_HOST.");
    }
}
