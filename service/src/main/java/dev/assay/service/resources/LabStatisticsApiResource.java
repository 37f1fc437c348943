package dev.assay.service.resources;

import dev.assay.service.core.Role;
import dev.assay.service.stats.LabStatistics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jspecify.annotations.Nullable;

/**
 * The hiring team's item statistics of a lab version: which checks discriminate, which look broken. Admins only:
 * the figures span every candidate's attempt, and with few attempts they tell one candidate's results.
 */
@Path("/api/v1/labs/{lab}/statistics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.STAFF_ADMIN)
public class LabStatisticsApiResource {
    private final LabStatistics statistics;

    public LabStatisticsApiResource(LabStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    public LabStatistics.Report get(@PathParam("lab") String lab, @QueryParam("version") @Nullable String version) {
        return statistics.of(lab, version).orElseThrow(() -> new NotFoundException("no lab " + lab));
    }
}
