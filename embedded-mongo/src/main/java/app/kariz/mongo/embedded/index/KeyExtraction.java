package app.kariz.mongo.embedded.index;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.List;

final class KeyExtraction {

    private KeyExtraction() {
    }

    static boolean hasArray(Document document, List<IndexKey> keys) {
        for (IndexKey key : keys) {
            if (Utils.getSubdocumentValueCollectionAware(document, key.getKey()) instanceof Collection) {
                return true;
            }
        }
        return false;
    }
}
