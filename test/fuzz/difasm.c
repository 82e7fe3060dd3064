// SPDX-License-Identifier: CDDL-1.0 OR GPL-2.0-or-later
/*
 * difasm: assemble a DIF source file into a serialized object, or (-d)
 * print an object as `dtrace -S` does (-s: as assembler source).  Used to
 * build the fuzz seed corpus from the seed programs in test/fuzz/seeds/, and handy for
 * looking at what the compiler emits.
 *
 *   difasm in.s out.dif      difasm -d in.dif      difasm -s in.dif
 */
#include <stdio.h>
#include <stdlib.h>
#include "dif/dif_asm.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0) {
		perror(path);
		exit(1);
	}
	rewind(fp);
	buf = calloc(1, (size_t)n + 8);
	if (buf == NULL || fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		perror(path);
		exit(1);
	}
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

int main(int argc, char **argv)
{
	struct dif_object obj;
	struct dif_error e;
	char err[256], *text;
	size_t len, size;
	void *blob;
	FILE *fp;

	if (argc == 3 && (strcmp(argv[1], "-d") == 0 || strcmp(argv[1], "-s") == 0)) {
		blob = slurp(argv[2], &len);	/* calloc: 16-byte aligned */
		if (dif_object_parse(&obj, blob, len, &e) != 0) {
			fprintf(stderr, "%s: %s\n", argv[2], dif_check_msg(e.de_check));
			return 1;
		}
		dif_disasm(stdout, &obj, argv[1][1] == 's' ? DIF_DIS_SOURCE : 0);
		return 0;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: difasm in.s out.dif | -d in.dif | -s in.dif\n");
		return 2;
	}
	text = slurp(argv[1], &len);
	if (dif_asm(text, &blob, &size, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s: %s\n", argv[1], err);
		return 1;
	}
	fp = fopen(argv[2], "wb");
	if (fp == NULL || fwrite(blob, 1, size, fp) != size || fclose(fp) != 0) {
		perror(argv[2]);
		return 1;
	}
	return 0;
}
