// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * libFuzzer target for the DIF assembler and disassembler (what
 * `dtrace -S` and the tests rely on): any text either fails to assemble
 * with a message naming its line, or assembles; when the object also
 * verifies, its disassembly must reassemble into an object with the same
 * disassembly (the bytes may differ: the string table follows the order
 * in which the source mentions strings).  Seeds: the programs in test/fuzz/seeds/.
 */
#include <stdio.h>
#include <stdlib.h>
#include "dif/dif_asm.h"
#include "dif/dif_vm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);
/* The assembler-source disassembly of a serialized object, or NULL. */
static char *fz_source(const void *blob, size_t size)
{
	struct dif_object obj;
	struct dif_error e;
	char *text = NULL;
	size_t len;
	FILE *fp;

	if (dif_object_parse(&obj, blob, size, &e) != 0 ||
	    dif_verify(&obj, DIF_PRIV_ALL, &e) != 0)
		return NULL;
	fp = open_memstream(&text, &len);
	if (fp == NULL)
		abort();
	dif_disasm(fp, &obj, DIF_DIS_SOURCE);
	fclose(fp);
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char *src = malloc(n + 1), *text = NULL, *text2 = NULL, err[256];
	void *blob = NULL, *blob2 = NULL;
	size_t size, size2;

	if (src == NULL)
		return 0;
	memcpy(src, data, n);
	src[n] = '\0';
	if (dif_asm(src, &blob, &size, err, sizeof(err)) != 0) {
		if (strncmp(err, "line ", 5) != 0)
			abort();	/* every message names its line */
		goto out;
	}
	text = fz_source(blob, size);
	if (text == NULL)
		goto out;	/* refused by the verifier: fine */
	if (dif_asm(text, &blob2, &size2, err, sizeof(err)) != 0 ||
	    (text2 = fz_source(blob2, size2)) == NULL ||
	    strcmp(text, text2) != 0) {
		fprintf(stderr, "disassembly does not reassemble: %s\n%s\n",
			err, text);
		abort();
	}
out:
	free(text2);
	free(text);
	free(blob2);
	free(blob);
	free(src);
	return 0;
}
