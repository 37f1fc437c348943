package dev.assay.service.invitations;

import dev.assay.service.catalog.Role;
import dev.assay.service.core.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks labs that staff picked for a candidate: some, each once, each one of the stage's labs or its pool. */
final class StagePicks {
    private StagePicks() {}

    static List<String> check(Role.Stage stage, List<String> picked) {
        if (picked.isEmpty()) {
            throw new InvalidInputException("labs: pick at least one lab of stage " + stage.id() + " (from "
                    + stage.allLabs() + "), or leave labs out to compose them");
        }
        Set<String> seen = new HashSet<>();
        for (String lab : picked) {
            if (!stage.allLabs().contains(lab)) {
                throw new InvalidInputException("labs: '" + dev.assay.service.auth.AccountService.printable(lab)
                        + "' is not a lab of stage " + stage.id() + "; choose from " + stage.allLabs());
            }
            if (!seen.add(lab)) {
                throw new InvalidInputException("labs: '" + lab + "' is picked twice; list each lab once");
            }
        }
        return List.copyOf(picked);
    }
}
