#include "duxue_xlsx.h"

const char *duxue_xlsx_message(lxw_error error) {
    const char *text = lxw_strerror(error);
    return text ? text : "unknown libxlsxwriter error";
}
