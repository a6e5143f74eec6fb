package org.tongxin.care;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.tongxin.common.PiiCipher;
import org.tongxin.common.PiiStore;

/** The register's names and notes follow a PII key rotation. */
@ApplicationScoped
public class VulnerablePiiStore implements PiiStore {

    private final VulnerableRepository register;
    private final PiiCipher pii;

    VulnerablePiiStore(VulnerableRepository register, PiiCipher pii) {
        this.register = register;
        this.pii = pii;
    }

    @Override
    @Transactional
    public int reseal(int batch) {
        List<VulnerablePerson> stale = register.notSealedUnderCurrentKey(pii.currentHeader(), batch);
        stale.forEach(p -> p.reseal(pii));
        return stale.size();
    }
}
