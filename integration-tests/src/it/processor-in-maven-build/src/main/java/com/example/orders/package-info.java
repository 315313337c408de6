@dev.weft.runtime.Arazzo("orders.arazzo.yaml")
package com.example.orders;
