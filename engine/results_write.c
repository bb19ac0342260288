/*
** Writing a run's results (docs/FORMATS.md, "Outputs of vigil run"): all
** files into one output set, renamed together when complete.
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "csvio.h"
#include "outfile.h"
#include "results.h"

static void num(FILE *f, double v) {
    char buf[32];
    if (isnan(v)) return; /* an empty cell */
    fputs(vg_fmt_double(buf, v), f);
}

static void field(FILE *f, const char *s) { vg_csv_put_field(f, s); }

static const double *stat(const vigil_results *r, long y, long s) {
    return r->stat + (y * r->nser + s) * NSTAT;
}

static void summary(FILE *f, const vigil_results *r) {
    long y, s;
    int k;
    fputs("scenario,year,region,indicator,mean,p05,p50,p95,world\n", f);
    for (y = 0; y < r->ny; y++)
        for (s = 0; s < r->nser; s++) {
            field(f, r->scenario);
            fprintf(f, ",%ld,", r->y0 + y);
            field(f, r->ser_region[s]);
            fprintf(f, ",%s", vg_indicator_name(r->ser_ind[s]));
            for (k = 0; k < NSTAT; k++) {
                fputc(',', f);
                num(f, stat(r, y, s)[k]);
            }
            fputc(',', f);
            field(f, r->world);
            fputc('\n', f);
        }
}

static void draws(FILE *f, const vigil_results *r) {
    long k, y, s;
    fputs("draw,year,region,indicator,value\n", f);
    for (k = 0; k < r->ndraws; k++)
        for (y = 0; y < r->ny; y++)
            for (s = 0; s < r->nser; s++) {
                fprintf(f, "%ld,%ld,", k, r->y0 + y);
                field(f, r->ser_region[s]);
                fprintf(f, ",%s,", vg_indicator_name(r->ser_ind[s]));
                num(f, r->draws[(k * r->ny + y) * r->nser + s]);
                fputc('\n', f);
            }
}

static void decomposition(FILE *f, const vigil_results *r) {
    long g, y, s;
    fputs("year,region,indicator,lever,contribution\n", f);
    for (y = 0; y < r->ny; y++)
        for (s = 0; s < r->nser; s++)
            for (g = 0; g < r->ngroups; g++) {
                fprintf(f, "%ld,", r->y0 + y);
                field(f, r->ser_region[s]);
                fprintf(f, ",%s,", vg_indicator_name(r->ser_ind[s]));
                field(f, r->group[g]);
                fputc(',', f);
                num(f, r->dec[(g * r->ny + y) * r->nser + s]);
                fputc('\n', f);
            }
}

/* The mean of an indicator's series s in year index y. */
static double mean(const vigil_results *r, long y, long s) { return stat(r, y, s)[ST_MEAN]; }

static void attribution(FILE *f, const vigil_results *r) {
    static const struct { const char *ind, *channel, *family; } rows[] = {
        {"cl_export_direct", "export_direct", "child_labour"},
        {"cl_export_upstream", "export_upstream", "child_labour"},
        {"fl_export_linked", "export_linked", "forced_labour"}};
    long y, s;
    size_t k;
    fputs("year,indicator,producer_region,consumer_region,channel,value\n", f);
    for (y = 0; y < r->ny; y++)
        for (s = 0; s < r->nser; s++) {
            const char *ind = vg_indicator_name(r->ser_ind[s]);
            for (k = 0; k < sizeof rows / sizeof rows[0]; k++)
                if (strcmp(ind, rows[k].ind) == 0) {
                    fprintf(f, "%ld,%s,", r->y0 + y, rows[k].family);
                    field(f, r->ser_region[s]);
                    fprintf(f, ",*,%s,", rows[k].channel);
                    num(f, mean(r, y, s));
                    fputc('\n', f);
                }
            if (strcmp(ind, "cl_footprint") == 0 || strcmp(ind, "fl_footprint") == 0) {
                fprintf(f, "%ld,%s,*,", r->y0 + y,
                        ind[0] == 'c' ? "child_labour" : "forced_labour");
                field(f, r->ser_region[s]);
                fputs(",footprint,", f);
                num(f, mean(r, y, s));
                fputc('\n', f);
            }
        }
}

/* Labour by producing labour region and consuming MRIO region, central
** path (the consumer of domestic labour is its own MRIO region). */
static void bilateral(FILE *f, const vigil_results *r) {
    long y, p, d, np = r->bil_ng + r->bil_nh;
    fputs("year,indicator,producer_region,consumer_region,value\n", f);
    for (y = 0; y < r->ny; y++)
        for (p = 0; p < np; p++)
            for (d = 0; d < r->bil_R; d++) {
                int child = p < r->bil_ng;
                fprintf(f, "%ld,%s,", r->y0 + y, child ? "child_labour" : "forced_labour");
                field(f, r->ser_region[child ? r->off_cl + p : r->off_fl + p - r->bil_ng]);
                fputc(',', f);
                field(f, r->ser_region[r->off_foot + d]);
                fputc(',', f);
                num(f, r->bil[(y * np + p) * r->bil_R + d]);
                fputc('\n', f);
            }
}

/* SDG 8.7: child labour in 2025 against zero and the decline it needed from
** the first year; forced labour in 2030 (the 2030 Agenda's horizon). */
static void sdg87(FILE *f, const vigil_results *r) {
    long s, y25 = 2025 - r->y0, y30 = 2030 - r->y0;
    fputs("region,indicator,year,mean,p05,p95,note\n", f);
    for (s = 0; s < r->nser; s++) {
        const char *ind = vg_indicator_name(r->ser_ind[s]);
        if (strcmp(ind, "child_labour") == 0 && y25 >= 0 && y25 < r->ny && 2025 > r->y0) {
            const double *st = stat(r, y25, s);
            double start = mean(r, 0, s), years = 2025.0 - r->y0;
            field(f, r->ser_region[s]);
            fputs(",child_labour,2025,", f);
            num(f, st[ST_MEAN]);
            fputc(',', f);
            num(f, st[ST_P05]);
            fputc(',', f);
            num(f, st[ST_P95]);
            fputs(",target 0 by 2025 (SDG target 8.7)\n", f);
            field(f, r->ser_region[s]);
            fprintf(f, ",decline_needed_per_year,%d,", r->y0);
            num(f, start / years);
            fputs(",,,children per year from the first year to reach 0 in 2025 (linear)\n", f);
        }
        if (strcmp(ind, "forced_labour") == 0 && y30 >= 0 && y30 < r->ny) {
            const double *st = stat(r, y30, s);
            field(f, r->ser_region[s]);
            fputs(",forced_labour,2030,", f);
            num(f, st[ST_MEAN]);
            fputc(',', f);
            num(f, st[ST_P05]);
            fputc(',', f);
            num(f, st[ST_P95]);
            fputs(",2030 Agenda horizon (the target itself names no year for forced labour)\n", f);
        }
    }
}

void vg_json_str(FILE *f, const char *s) {
    fputc('"', f);
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\') fprintf(f, "\\%c", *s);
        else if ((unsigned char)*s < 0x20) fprintf(f, "\\u%04x", *s);
        else fputc(*s, f);
    }
    fputc('"', f);
}

static void manifest(FILE *f, const vigil_results *r, const vg_write_opts *o) {
    long k;
    int c;
    char buf[32];
    fprintf(f, "{\n  \"engine\": \"vigil %s\",\n  \"scenario\": ", VIGIL_VERSION);
    vg_json_str(f, r->scenario);
    fputs(",\n  \"scenario_file\": ", f);
    vg_json_str(f, r->scenario_path);
    fputs(",\n  \"scenario_sha256\": ", f);
    vg_json_str(f, r->hash);
    fputs(",\n  \"description\": ", f);
    vg_json_str(f, r->description);
    fputs(",\n  \"world\": ", f);
    vg_json_str(f, r->world);
    fputs(",\n  \"world_dir\": ", f);
    vg_json_str(f, r->world_dir);
    fprintf(f, ",\n  \"stylised_world\": %s,\n", r->stylised ? "true" : "false");
    fprintf(f, "  \"years\": [%d, %d],\n  \"draws\": %d,\n  \"seed\": %lu,\n", r->y0, r->y1,
            r->ndraws, r->seed);
    fprintf(f, "  \"decomposition\": \"%s\",\n",
            r->ngroups == 0 ? "none" : r->sampled ? "Shapley, sampled (200 random orders)"
                                                  : "Shapley, exact");
    fputs("  \"levers\": [", f);
    for (k = 0; k < r->nlevers; k++)
        if (r->lever_text && r->lever_text[k]) {
            fputs(k ? ",\n    " : "\n    ", f);
            vg_json_str(f, r->lever_text[k]);
        }
    fputs("],\n  \"coefficients\": {", f);
    for (c = 0; c < VG_NCOEF; c++)
        fprintf(f, "%s\n    \"%s\": %s", c ? "," : "", vg_coef_name(c),
                vg_fmt_double(buf, *vg_coef_field((vg_coef *)&r->coef, c)));
    fputs("\n  }", f);
    if (o->manifest_extra) fputs(o->manifest_extra, f);
    if (!o->no_seconds) fprintf(f, ",\n  \"seconds\": %.3f", r->seconds);
    fputs("\n}\n", f);
}

/* manifest.json is renamed last, so that its presence means the whole set
** is there (vigil batch --resume relies on it). */
int vg_results_write_opts(vigil_ctx *ctx, const vigil_results *r, const char *dir,
                          const vg_write_opts *o) {
    static const struct { const char *name; void (*fn)(FILE *, const vigil_results *); } files[] = {
        {"summary.csv", summary}, {"attribution.csv", attribution}, {"bilateral.csv", bilateral},
        {"decomposition.csv", decomposition}, {"sdg87.csv", sdg87}, {"draws.csv", draws}};
    vg_write_opts none;
    vg_outset s;
    FILE *f;
    size_t k;
    int rc = vg_out_begin(ctx, &s, dir);
    if (o == NULL) o = (memset(&none, 0, sizeof none), &none);
    for (k = 0; rc == VIGIL_OK && k < sizeof files / sizeof files[0]; k++) {
        if (files[k].fn == draws && !r->keep_draws) continue;
        if (files[k].fn == decomposition && r->ngroups == 0) continue;
        if (files[k].fn == bilateral && r->bil == NULL) continue;
        if ((rc = vg_out_open(ctx, &s, files[k].name, &f)) == VIGIL_OK) files[k].fn(f, r);
    }
    for (k = 0; rc == VIGIL_OK && k < (size_t)o->nfiles; k++)
        if ((rc = vg_out_open(ctx, &s, o->files[k].name, &f)) == VIGIL_OK)
            o->files[k].fn(f, o->files[k].arg);
    if (rc == VIGIL_OK && (rc = vg_out_open(ctx, &s, "manifest.json", &f)) == VIGIL_OK)
        manifest(f, r, o);
    if (rc == VIGIL_OK) return vg_out_commit(ctx, &s);
    vg_out_abort(&s);
    return rc;
}

int vigil_results_write(vigil_ctx *ctx, const vigil_results *r, const char *dir) {
    return vg_results_write_opts(ctx, r, dir, NULL);
}
