package io.transfermonitor.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the development stack's certificates: a CA of its own and one certificate for the broker
 * (also used by the registry's HTTPS), valid for 127.0.0.1 and localhost, for server and client
 * authentication. EC P-256 keys, signed with the JDK's own providers; Bouncy Castle only builds the
 * X.509 structures.
 *
 * <p>Out: {@code ca.crt} (PEM, what clients trust) and {@code broker.p12} (PKCS12: the broker's key
 * and its chain) in the given directory.
 */
final class StackCertificates {

  static final String CA_FILE = "ca.crt";
  static final String BROKER_KEYSTORE = "broker.p12";

  /** The broker's name on the controller listener (mutual TLS), a super user there. */
  static final String BROKER_SUBJECT = "CN=tm-broker";

  private static final String SIGNATURE = "SHA256withECDSA";
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);
  private static final Duration BROKER_VALIDITY = Duration.ofDays(825);

  private StackCertificates() {}

  /**
   * Writes a new CA and broker certificate into {@code dir}, the keystore under {@code password}.
   */
  static void issue(Path dir, char[] password) {
    try {
      SecureRandom random = new SecureRandom();
      KeyPair caKeys = keyPair(random);
      X500Name caName = new X500Name("CN=transfer-monitor development CA");
      X509Certificate ca = caCertificate(caName, caKeys, random);
      KeyPair brokerKeys = keyPair(random);
      X509Certificate broker = brokerCertificate(caName, ca, caKeys, brokerKeys, random);
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(CA_FILE), pem(ca), StandardCharsets.US_ASCII);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "broker", brokerKeys.getPrivate(), password, new Certificate[] {broker, ca});
      try (OutputStream out = OwnerOnly.create(dir.resolve(BROKER_KEYSTORE))) {
        store.store(out, password);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the stack's certificates to " + dir, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(
          "cannot issue the stack's certificates: " + e.getMessage(), e);
    }
  }

  private static KeyPair keyPair(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    return generator.generateKeyPair();
  }

  private static X509Certificate caCertificate(X500Name name, KeyPair keys, SecureRandom random)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder = builder(name, name, keys, CA_VALIDITY, random);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    builder.addExtension(
        Extension.subjectKeyIdentifier,
        false,
        extensions.createSubjectKeyIdentifier(keys.getPublic()));
    return sign(builder, keys);
  }

  private static X509Certificate brokerCertificate(
      X500Name caName, X509Certificate ca, KeyPair caKeys, KeyPair keys, SecureRandom random)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder =
        builder(caName, new X500Name(BROKER_SUBJECT), keys, BROKER_VALIDITY, random);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
    builder.addExtension(
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(
            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    // clients check the address they dialled against these names
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, LocalPorts.HOST),
              new GeneralName(GeneralName.dNSName, "localhost")
            }));
    builder.addExtension(
        Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca));
    return sign(builder, caKeys);
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair keys, Duration validity, SecureRandom random) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, random).abs().add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(validity)),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer.getPrivate())));
  }

  private static String pem(X509Certificate certificate) throws GeneralSecurityException {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(certificate.getEncoded());
    return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
  }
}
