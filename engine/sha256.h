/*
** SHA-256 (FIPS 180-4, "Secure Hash Standard", NIST, August 2015, section
** 6.2), for the hashes of scenarios and their modules in run manifests.
** Incremental: init, update any number of times, final.
*/
#ifndef VIGIL_SHA256_H
#define VIGIL_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define VG_SHA256_HEX 65   /* 64 hex digits + NUL */

typedef struct vg_sha256 {
    uint32_t h[8];         /* the hash value H(i) */
    uint64_t nbytes;       /* message length so far */
    unsigned char buf[64]; /* a partial block */
    size_t nbuf;
} vg_sha256;

void vg_sha256_init(vg_sha256 *c);
void vg_sha256_update(vg_sha256 *c, const void *data, size_t n);
/* Pads, ends the message and writes the digest as 64 lowercase hex digits
** and a NUL into hex. */
void vg_sha256_final(vg_sha256 *c, char hex[VG_SHA256_HEX]);

/* The hash of a whole buffer, as hex. */
void vg_sha256_hex(const void *data, size_t n, char hex[VG_SHA256_HEX]);

#endif
