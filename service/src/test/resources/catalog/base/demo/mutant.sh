#!/bin/sh
echo almost
