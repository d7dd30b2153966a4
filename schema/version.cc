#include "schema/version.h"
