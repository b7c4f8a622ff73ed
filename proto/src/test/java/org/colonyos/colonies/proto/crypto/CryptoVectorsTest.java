package org.colonyos.colonies.proto.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.colonyos.colonies.proto.json.Json;
import org.junit.jupiter.api.Test;

/** Every vector of test-vectors.json (copied from the shared reference) reproduced byte for byte. */
class CryptoVectorsTest {
    private static final JsonNode VECTORS = load();

    private static JsonNode load() {
        try (InputStream in = CryptoVectorsTest.class.getResourceAsStream("/test-vectors.json")) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void hashesAreFipsSha3() {
        assertFalse(VECTORS.get("hashes").isEmpty());
        for (JsonNode vector : VECTORS.get("hashes")) {
            assertEquals(vector.get("sha3_256").asText(), Sha3.hashHex(vector.get("message").asText()));
        }
    }

    @Test
    void identitiesDeriveFromPrivateKeys() {
        assertEquals(5, VECTORS.get("identities").size());
        for (JsonNode vector : VECTORS.get("identities")) {
            String prv = vector.get("prvkey").asText();
            assertEquals(vector.get("pubkey").asText(), Hex.encode(Secp256k1.publicKey(prv)), vector.toString());
            assertEquals(vector.get("id").asText(), Identity.idOfPrivateKey(prv), vector.toString());
        }
    }

    @Test
    void deterministicSignaturesMatchAndEverySignatureRecovers() {
        assertEquals(6, VECTORS.get("signatures").size());
        for (JsonNode vector : VECTORS.get("signatures")) {
            String message = vector.get("message").asText();
            String expected = vector.get("signature").asText();
            if (vector.get("deterministic").asBoolean()) {
                assertEquals(expected, Identity.sign(message, vector.get("prvkey").asText()), vector.toString());
            }
            assertEquals(vector.get("recovers_to").asText(), Identity.recoverId(message, expected));
            if (vector.has("decoded_payload")) {
                assertEquals(vector.get("decoded_payload").asText(),
                        new String(Base64.getDecoder().decode(message), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void malformedSignaturesAreRejectedWithGoTexts() {
        String good = VECTORS.get("signatures").get(0).get("signature").asText();
        assertEquals("Invalid signature length",
                assertThrows(CryptoException.class, () -> Identity.recoverId("hello", good + "00")).getMessage());
        assertEquals("encoding/hex: odd length hex string",
                assertThrows(CryptoException.class, () -> Identity.recoverId("hello", good + "0")).getMessage());
        assertEquals("encoding/hex: invalid byte: U+0067 'g'",
                assertThrows(CryptoException.class, () -> Identity.recoverId("hello", "g" + good.substring(1)))
                        .getMessage());
        String zeroR = "00".repeat(32) + good.substring(64);
        assertThrows(CryptoException.class, () -> Identity.recoverId("hello", zeroR));
        String hugeS = good.substring(0, 64) + "ff".repeat(32) + good.substring(128);
        assertThrows(CryptoException.class, () -> Identity.recoverId("hello", hugeS));
        String badV = good.substring(0, 128) + "1b";
        assertThrows(CryptoException.class, () -> Identity.recoverId("hello", badV));
    }

    @Test
    void highSIsRejectedEvenThoughTheSignatureIsOtherwiseValid() {
        String good = VECTORS.get("signatures").get(0).get("signature").asText();
        java.math.BigInteger n = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256k1").getN();
        java.math.BigInteger s = new java.math.BigInteger(good.substring(64, 128), 16);
        String highS = String.format("%064x", n.subtract(s));
        int flippedV = Integer.parseInt(good.substring(128), 16) ^ 1;
        String malleated = good.substring(0, 64) + highS + String.format("%02x", flippedV);
        CryptoException error = assertThrows(CryptoException.class, () -> Identity.recoverId("hello", malleated));
        assertEquals("Failed verify signature: Signature s value is over half the order", error.getMessage());
    }

    @Test
    void invalidPrivateKeysAreRejected() {
        assertThrows(CryptoException.class, () -> Identity.idOfPrivateKey("00".repeat(32)));
        assertThrows(CryptoException.class, () -> Identity.idOfPrivateKey("ab"));
        assertThrows(CryptoException.class, () -> Identity.idOfPrivateKey("ff".repeat(32)));
    }
}
