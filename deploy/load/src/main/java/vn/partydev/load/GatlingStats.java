package vn.partydev.load;

import java.nio.file.Path;

/** Prints the Markdown table of requests of a Gatling report folder (see {@link Summary#requestTable}). */
public final class GatlingStats {

    private GatlingStats() {
    }

    public static void main(String[] args) throws Exception {
        System.out.print(Summary.requestTable(Path.of(args[0])));
    }
}
