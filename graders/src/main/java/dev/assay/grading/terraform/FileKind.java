package dev.assay.grading.terraform;

/**
 * What Terraform does with a file of a module's directory, by its name: configuration (.tf), an override
 * (override.tf, *_override.tf, merged after the rest), JSON configuration (.tf.json, which this grader does not
 * read), variable values (terraform.tfvars, *.auto.tfvars, and their .json forms), or nothing (other files, and
 * names Terraform skips: starting with '.', ending with '~', or between '#').
 */
public enum FileKind {
    CONFIGURATION,
    OVERRIDE,
    JSON_CONFIGURATION,
    VARIABLES,
    VARIABLES_JSON,
    SKIPPED,
    OTHER;

    public static FileKind of(String name) {
        if (name.startsWith(".") || name.endsWith("~") || (name.startsWith("#") && name.endsWith("#"))) {
            return name.endsWith(".tf") || name.endsWith(".tf.json") ? SKIPPED : OTHER;
        }
        if (name.endsWith(".tf.json")) {
            return JSON_CONFIGURATION;
        }
        if (name.endsWith(".tf")) {
            String stem = name.substring(0, name.length() - 3);
            return stem.equals("override") || stem.endsWith("_override") ? OVERRIDE : CONFIGURATION;
        }
        if (name.equals("terraform.tfvars") || name.endsWith(".auto.tfvars")) {
            return VARIABLES;
        }
        if (name.equals("terraform.tfvars.json") || name.endsWith(".auto.tfvars.json")) {
            return VARIABLES_JSON;
        }
        return OTHER;
    }

    /** terraform.tfvars, then terraform.tfvars.json, then the *.auto.tfvars files by name: later ones win. */
    public static int variablesOrder(String name) {
        return name.equals("terraform.tfvars") ? 0 : name.equals("terraform.tfvars.json") ? 1 : 2;
    }
}
