// Marks a function as an export of Strata's kernel module under its C name.
#ifndef STRATA_EXPORT_H
#define STRATA_EXPORT_H
#define STRATA_EXPORT(name) __attribute__((export_name(#name))) name
#endif
