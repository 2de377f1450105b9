/* C boundary to libxlsxwriter (Debian: libxlsxwriter-dev). Only DuxueXLSX imports this module. */
#ifndef DUXUE_XLSX_H
#define DUXUE_XLSX_H

#include <xlsxwriter.h>

/* LXW_PAPER_A4-style constant for worksheet_set_paper (9 = A4 in the Excel paper table). */
#define DUXUE_XLSX_PAPER_A4 9

/* The library's message for an error code (static storage; never NULL). */
const char *duxue_xlsx_message(lxw_error error);

#endif
